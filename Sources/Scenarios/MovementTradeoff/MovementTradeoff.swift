/// Namespace of the `tradeoff` scenario: Hu, Wu, Zhu, Chen, Shen, "Fundamental Tradeoff in Movable
/// Antenna Systems: How Long to Move Before Transmission?" (arXiv 2604.20386); our reconstruction is
/// Docs/specs/tradeoff.md. Every type of the scenario lives in here so that the shared `Scenarios`
/// module carries no generic names.
///
/// Units throughout: positions, region side, spacing in wavelengths λ; speed in λ/s; time in s; rate
/// in bit/s/Hz; effective throughput (T − τ)·R in bit/Hz (specs §1).
public enum MovementTradeoff {}
