#!/usr/bin/env node
// The `otmetka` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/main.ts');
