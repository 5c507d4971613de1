import Foundation
import LinearAlgebra

// `make bench` (release build). Every ratio compares cases measured side by side in this run.
BLASThreading.pinToOneThread()
if let budget = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SECONDS"].flatMap(Double.init) { Bench.budget = budget }
print("masweep benchmarks (\(ProcessInfo.processInfo.activeProcessorCount) cores; median time per operation)")
// MASWEEP_BENCH_ONLY=conic,engine runs only the named sections (for profiling one of them).
let only = ProcessInfo.processInfo.environment["MASWEEP_BENCH_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
let sections: [(String, () -> Void)] = [
    ("random", RandomBenchmarks.run), ("ee", EnergyEfficiencyBenchmarks.run), ("conic", ConicBenchmarks.run),
    ("tradeoff", TradeoffBenchmarks.run), ("engine", EngineBenchmarks.run),
]
for (name, run) in sections where only?.contains(name) ?? true { run() }
