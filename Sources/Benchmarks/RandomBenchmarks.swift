import Randomness

enum RandomBenchmarks {
    static func run() {
        Bench.section("Random streams (Philox4x32-10)")
        var stream = RandomStream(seed: 1, purpose: .channel, realization: 0)
        var sink = 0.0
        let uniform = Bench.measure("uniform() × 1000") { for _ in 0..<1000 { sink += stream.uniform() } }
        let normal = Bench.measure("normal() × 1000") { for _ in 0..<1000 { sink += stream.normal() } }
        Bench.measure("open a stream (key derivation)") {
            var s = RandomStream(seed: 7, purpose: .channel, realization: Int(sink) & 0xFFFF)
            sink += s.uniform()
        }
        Bench.ratio("normal / uniform", normal, uniform)
        if sink == .infinity { print(sink) }
    }
}
