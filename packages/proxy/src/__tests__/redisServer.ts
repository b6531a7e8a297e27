import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import Redis from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

export interface RedisServer {
  port: number;
  /** A client connected to the server; quit when the server stops. */
  redis: Redis;
}

/**
 * Starts a real `redis-server` (found on PATH) on a free port for the enclosing `describe` only,
 * so a machine without Redis fails these tests loudly and leaves every other test in the file alone.
 */
export function useRedisServer(): RedisServer {
  const state = {} as RedisServer;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    const port = await freePort();
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const spawned = new Promise<never>((_, reject) =>
      child?.once('error', (error) =>
        reject(
          new Error(
            `redis-server could not start (${error.message}); install it, e.g. apt-get install redis-server`,
          ),
        ),
      ),
    );
    const ready = (async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        if (await canConnect(port)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`redis-server did not accept connections on port ${port} within 10 s`);
    })();
    await Promise.race([ready, spawned]);
    state.port = port;
    state.redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await state.redis?.quit();
    child?.kill();
  });
  return state;
}
