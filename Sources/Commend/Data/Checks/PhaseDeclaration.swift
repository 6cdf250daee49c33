/// Messages about phases that the plan does not declare.
enum PhaseDeclaration {
    /// `phase "dot3" is not declared in the plan (declared: dot1, dot2)`.
    static func undeclared(_ phase: String, declared: [String]) -> String {
        let list = declared.isEmpty ? "none" : declared.joined(separator: ", ")
        return "phase \"\(phase)\" is not declared in the plan (declared: \(list))"
    }
}
