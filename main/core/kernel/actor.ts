/** Who asked, for the audit log: the operator named by the client (X-Depot-Operator) or the channel. */
export interface Actor {
  operator: string;
  reason?: string | null;
}
