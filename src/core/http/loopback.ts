/**
 * Plain http is refused for every remote except loopback hosts: the sandbox serves http://127.0.0.1:PORT, and nothing
 * that stays on this machine can leak a secret on the wire.
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
