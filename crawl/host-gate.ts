// Politeness: spaces out request starts per host, and lets a Retry-After pause a whole host.
import type { Clock } from './types.ts';

export class HostGate {
  private readonly nextStart = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly clock: Clock,
  ) {}

  /** Waits for this host's next free slot. The slot is reserved before sleeping, so parallel workers queue up. */
  async wait(host: string, signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, slot + this.delayMs);
    if (slot > now) await this.clock.sleep(slot - now, signal);
  }

  /** No request to `host` starts before `untilMs` (a server asked us to back off). */
  pauseUntil(host: string, untilMs: number): void {
    this.nextStart.set(host, Math.max(this.nextStart.get(host) ?? 0, untilMs));
  }
}
