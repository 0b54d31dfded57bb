// The local git backend: decap-server's git mode on an express app, with the gate mounted in
// front of it. decap-server reads its repository from GIT_REPO_DIRECTORY when it registers,
// so the variable points at the clone for exactly that call.
import express, { type Express } from 'express';
import { createRequire } from 'node:module';
import { draftReads } from './drafts.js';
import { mountVeto, type VetoOptions } from './veto.js';

type RegisterLocalGit = (app: Express, options?: { logLevel?: string }) => Promise<void>;

const require = createRequire(import.meta.url);

export async function createBackendApp(options: VetoOptions): Promise<Express> {
  const app = express();
  app.disable('x-powered-by');
  mountVeto(app, options);
  app.post('/api/v1', draftReads({ repo: options.repo, ...(options.log ? { log: options.log } : {}) }));
  const { registerLocalGit } = require('decap-server/dist/middlewares') as { registerLocalGit: RegisterLocalGit };
  const saved = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = options.repo;
  try {
    // decap-server logs in English at "info"; the portal prints its own Vietnamese log.
    await registerLocalGit(app, { logLevel: process.env.PARINDEX_DEBUG ? 'debug' : 'error' });
  } finally {
    if (saved === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = saved;
  }
  return app;
}
