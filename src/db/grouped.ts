/**
 * Group commit for one kind of statement: calls made in the same turn of the event loop, or while a
 * statement of their kind runs, go together, up to `max`, in one statement over arrays (`many`, answered
 * in the calls' order); a call that finds itself alone goes as it would without grouping (`one`). The
 * first call waits for the end of the turn (`setImmediate`: the work its turn started, such as the other
 * updates a claim handed out, asks too), nothing longer. A group that fails fails each of its calls
 * (each caller handles the failure as if its own statement had failed).
 */
export function grouped<A, R>(
  one: (arg: A) => Promise<R>,
  many: (args: A[]) => Promise<R[]>,
  max = 100,
): (arg: A) => Promise<R> {
  let running = false;
  const waiting: { arg: A; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const group = waiting.splice(0, max);
      try {
        const results = group.length === 1 ? [await one(group[0]!.arg)] : await many(group.map((g) => g.arg));
        group.forEach((g, k) => g.resolve(results[k] as R));
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
    running = false;
  }

  return (arg) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ arg, resolve, reject });
      if (running) return;
      running = true;
      setImmediate(() => void drain());
    });
}
