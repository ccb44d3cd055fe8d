/**
 * Leases on Redis, shared by every replica: `SET lock NX PX lease` to take, and Lua scripts so that
 * renewal and release touch the key only while it still holds our token (never a successor's lease).
 */
import type { LeaseBackend } from "./lease-backend.js";
import type { RedisClient } from "./redis-client.js";
import { sleep } from "./sleep.js";

const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export class RedisLeaseBackend implements LeaseBackend {
  constructor(private readonly client: RedisClient) {}

  async acquire(lockKey: string, token: string, leaseMs: number): Promise<boolean> {
    const reply = await this.client.set(lockKey, token, {
      condition: "NX",
      expiration: { type: "PX", value: Math.ceil(leaseMs) },
    });
    return reply === "OK";
  }

  async renew(lockKey: string, token: string, leaseMs: number): Promise<boolean> {
    const reply = await this.client.eval(RENEW, { keys: [lockKey], arguments: [token, String(Math.ceil(leaseMs))] });
    return reply === 1;
  }

  async release(lockKey: string, token: string): Promise<void> {
    await this.client.eval(RELEASE, { keys: [lockKey], arguments: [token] });
  }

  /** Other replicas do not tell us when they release, so waiting is polling. */
  async waitForChange(_lockKey: string, ms: number, signal?: AbortSignal): Promise<void> {
    await sleep(ms, signal);
  }
}
