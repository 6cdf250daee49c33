/// What awards and scorings have in common: an id, a subject kind, the
/// phases they apply in, a place in the rule files.
public protocol Declaration: Sendable {
    var id: String { get }
    var name: String { get }
    var subject: SubjectKind { get }
    var movement: String? { get }
    /// `nil`: every phase.
    var phases: [String]? { get }
    var hasApplies: Bool { get }
    var location: SourceLocation { get }
    /// The kind of declaration, as the rules write it (`award`, `scoring`).
    static var kind: DeclarationID.Kind { get }
}

extension Declaration {
    /// Whether the declaration applies in `phase` (no `phases`: in every phase).
    public func applies(toPhase phase: String) -> Bool { phases?.contains(phase) ?? true }
}

extension Award: Declaration {
    /// `.award`.
    public static var kind: DeclarationID.Kind { .award }
}

extension Scoring: Declaration {
    /// `.scoring`.
    public static var kind: DeclarationID.Kind { .scoring }
}

/// One award or scoring of a rule set: its kind and its index in
/// `RuleSet.awards` or `RuleSet.scorings`.
public struct DeclarationID: Hashable, Sendable {
    /// Award or scoring.
    public enum Kind: String, Sendable, Hashable {
        case award, scoring
    }

    /// Award or scoring.
    public var kind: Kind
    /// The index in `RuleSet.awards` or `RuleSet.scorings`.
    public var index: Int

    /// The declaration of `kind` at `index`.
    public init(_ kind: Kind, _ index: Int) {
        self.kind = kind
        self.index = index
    }

    /// The award at `index`.
    public static func award(_ index: Int) -> DeclarationID { DeclarationID(.award, index) }
    /// The scoring at `index`.
    public static func scoring(_ index: Int) -> DeclarationID { DeclarationID(.scoring, index) }
}

/// Awards and scorings in declaration order, reachable by `DeclarationID`.
public protocol DeclarationCatalog {
    var awards: [Award] { get }
    var scorings: [Scoring] { get }
}

extension DeclarationCatalog {
    /// Every award then every scoring, by id.
    public var declarationIDs: [DeclarationID] {
        awards.indices.map { .award($0) } + scorings.indices.map { .scoring($0) }
    }

    /// The award or scoring with this id.
    public func declaration(_ id: DeclarationID) -> any Declaration {
        id.kind == .award ? awards[id.index] : scorings[id.index]
    }
}

/// One value per declaration of a rule set, awards first then scorings,
/// read and written by `DeclarationID`.
struct PerDeclaration<Value> {
    private var values: [Value]
    private let awards: Int

    init(awards: Int, scorings: Int, _ value: (DeclarationID) -> Value) {
        self.awards = awards
        values = (0..<awards).map { value(.award($0)) } + (0..<scorings).map { value(.scoring($0)) }
    }

    /// The values of one kind, in declaration order.
    func values(_ kind: DeclarationID.Kind) -> ArraySlice<Value> {
        kind == .award ? values[..<awards] : values[awards...]
    }

    subscript(id: DeclarationID) -> Value {
        get { values[id.kind == .award ? id.index : awards + id.index] }
        set { values[id.kind == .award ? id.index : awards + id.index] = newValue }
    }
}
