// Chemistry.Bench: single-threaded throughput of the SMILES toolkit, or the describe table with --describe.
using LatentWorkbench.Domains.Molecules.Chemistry;

return BenchRunner.Run(args);
