import ScenarioKit

/// Every scenario shipped in the `masweep` binary.
public enum StandardScenarios {
    public static let registry = ScenarioRegistry([
        EnergyEfficiencyScenario(),
        MovementTradeoffScenario(),
    ])
}
