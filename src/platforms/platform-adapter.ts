/** What the composition root starts and stops: one chat platform, connected to the engine. */
export interface PlatformAdapter {
  readonly name: "slack" | "discord";
  start(): Promise<void>;
  stop(): Promise<void>;
  isConnected(): boolean;
}
