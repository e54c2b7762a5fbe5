/** The part of autocannon 9's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** Options of one autocannon run. */
  export interface Options {
    url: string;
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    headers?: Record<string, string>;
    body?: string;
    /** Seconds. */
    duration?: number;
    connections?: number;
    pipelining?: number;
    /** Seconds to wait for a response. */
    timeout?: number;
    title?: string;
    /** Requests each connection cycles through; `setupRequest` may rewrite one before it is sent. */
    requests?: { setupRequest?: (request: RequestShape) => RequestShape }[];
  }

  /** A request as `setupRequest` sees and returns it. */
  export interface RequestShape {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  /** Summary of one histogram (latency in ms, requests and bytes per second). */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total?: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  /** The aggregated result of a run. */
  export interface Result {
    latency: Histogram;
    requests: Histogram;
    throughput: Histogram;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  /** A running benchmark: an event emitter that is also a promise of its result. */
  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): this;
    on(event: 'reqError', listener: (error: Error) => void): this;
  }

  /** Starts a run against `options.url`. */
  export default function autocannon(options: Options): Instance;
}
