// Optimization: the numerical methods the scenarios share. One concern per folder:
// Conic (our interior-point solver), MILP (GLPK bridge), Assignment, BranchAndBound,
// LevenbergMarquardt, ParticleSwarm, Dinkelbach.
