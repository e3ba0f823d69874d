import type { Trx } from '../db/index.ts';

/** Published when a unit ends and hands its open work to successors (merge, split, rename). */
export interface UnitSucceededEvent {
  reorganizationId: string;
  kind: 'merge' | 'split' | 'rename';
  effectiveDate: string;
  legalBasis: string;
  predecessorIds: string[];
  successorIds: string[];
  /** For each predecessor, the successor that takes over its open work (first successor for splits). */
  handover: Record<string, string>;
}

export interface DomainEvents {
  'unit.succeeded': UnitSucceededEvent;
}

type Handler<K extends keyof DomainEvents> = (trx: Trx, payload: DomainEvents[K]) => Promise<void>;
const handlers: { [K in keyof DomainEvents]?: Handler<K>[] } = {};

/** Subscribes a feature to an event; handlers run inside the publisher's transaction. */
export function subscribe<K extends keyof DomainEvents>(name: K, handler: Handler<K>): void {
  (handlers[name] ??= []).push(handler as never);
}

/** Publishes an event to every subscriber, in the same transaction (all or nothing). */
export async function publish<K extends keyof DomainEvents>(trx: Trx, name: K, payload: DomainEvents[K]): Promise<void> {
  for (const h of handlers[name] ?? []) await (h as Handler<K>)(trx, payload);
}
