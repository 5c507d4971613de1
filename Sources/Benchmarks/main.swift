import Foundation
import LinearAlgebra

// `make bench` (release build). Every ratio compares cases measured side by side in this run.
BLASThreading.pinToOneThread()
if let budget = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SECONDS"].flatMap(Double.init) { Bench.budget = budget }
print("masweep benchmarks (\(ProcessInfo.processInfo.activeProcessorCount) cores; median time per operation)")
RandomBenchmarks.run()
EnergyEfficiencyBenchmarks.run()
EngineBenchmarks.run()
