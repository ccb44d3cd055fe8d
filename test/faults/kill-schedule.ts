/**
 * The kill -9 scenario's schedule, shared by the Slack and Discord fault suites: conversations run on
 * `workers` lanes while one of two replicas is killed and restarted `kills` times at random moments;
 * conversations keep starting until every kill has happened and at least `target` have run.
 */
export interface KillSchedule<C> {
  fleet: { killAndRestart(index: number): Promise<unknown> };
  kills: number;
  target: number;
  workers: number;
  /** A kill comes 300 ms plus up to this many ms after the last one. */
  maxGapMs: number;
  /** The n-th conversation. */
  start(n: number): C;
  run(conversation: C): Promise<unknown>;
}

export interface KillOutcome<C> {
  conversations: C[];
  results: PromiseSettledResult<unknown>[];
  /** The replica each kill hit. */
  kills: number[];
}

export async function killWhileConversing<C>(schedule: KillSchedule<C>): Promise<KillOutcome<C>> {
  const conversations: C[] = [];
  const results: PromiseSettledResult<unknown>[] = [];
  const kills: number[] = [];
  let killing = true;
  const killer = async () => {
    for (let k = 0; k < schedule.kills; k++) {
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * schedule.maxGapMs));
      const victim = Math.floor(Math.random() * 2);
      kills.push(victim);
      await schedule.fleet.killAndRestart(victim);
    }
    killing = false;
  };
  const worker = async () => {
    while (killing || conversations.length < schedule.target) {
      const conversation = schedule.start(conversations.length);
      conversations.push(conversation);
      results.push(
        await schedule.run(conversation).then(
          (value) => ({ status: "fulfilled", value }) as const,
          (reason: unknown) => ({ status: "rejected", reason }) as const,
        ),
      );
    }
  };
  await Promise.all([killer(), ...Array.from({ length: schedule.workers }, worker)]);
  return { conversations, results, kills };
}
