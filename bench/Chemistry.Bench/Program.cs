// Chemistry.Bench: single-threaded throughput of the SMILES toolkit, or the describe table with --describe.
using LatentWorkbench.Chemistry.Bench;

return BenchRunner.Run(args);
