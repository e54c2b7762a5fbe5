/**
 * The machine's ceiling: a bare Fastify server with one route, `GET /` answering `{}`, no plugins
 * and no logging. Run as its own process by the bench (`PORT`, `HOST` from the environment).
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({}));

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
