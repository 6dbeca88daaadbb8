import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with a per-password salt; the stored form carries its parameters so they can change later.
const N = 16384;
const KEYLEN = 32;
const params = (n: number): ScryptOptions => ({ N: n, r: 8, p: 1 });

// The async scrypt runs on libuv's thread pool, so a burst of sign-ins does not stall every other request.
const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

const encode = (salt: Buffer, key: Buffer) =>
  `scrypt$${N}$${salt.toString('base64')}$${key.toString('base64')}`;

/** Hashes a password off the event loop (sign-in, admin-created logins). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(password, salt, KEYLEN, params(N)));
}

/** The same, blocking: for the seed and scripts only, never on a request path. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(password, salt, KEYLEN, params(N)));
}

/** Whether `password` matches the stored hash; the work runs off the event loop. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(saltB64, 'base64'),
    expected.length,
    params(Number(n)),
  );
  return timingSafeEqual(expected, actual);
}

// A hash of nothing anyone knows, made once: an unknown address is checked against it, so it costs
// the same scrypt work as a known one and the timing does not tell which addresses have accounts.
let dummy: Promise<string> | undefined;

/**
 * Checks a sign-in: `stored` is the account's hash, or undefined for an unknown address (then the
 * same work is done against a dummy hash and the answer is false).
 */
export async function verifySignIn(password: string, stored: string | undefined): Promise<boolean> {
  dummy ??= hashPassword(randomBytes(16).toString('base64'));
  if (stored === undefined) {
    await verifyPassword(password, await dummy);
    return false;
  }
  return verifyPassword(password, stored);
}
