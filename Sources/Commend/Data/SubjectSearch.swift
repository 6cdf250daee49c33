import Foundation

/// Finds members and units by id or by name, for `explain --subject`: an id
/// names one subject; otherwise a name matches whole (ignoring case, and
/// comparing NFC forms), or, when no name matches whole, as a part of names.
public struct SubjectSearch: Sendable {
    /// A subject found.
    public struct Match: Sendable, Hashable {
        /// The subject's id.
        public var id: String
        /// Member or unit.
        public var kind: SubjectKind
        /// The subject's name (its id when it has none).
        public var name: String
        /// The unit's id: a member's unit, a unit's parent.
        public var unit: String?
        /// The name of that unit.
        public var unitName: String?
    }

    /// How cells are read.
    public let lookup: PhaseLookup

    /// A search in the data of `phase`.
    public init(data: Dataset, phase: String) {
        lookup = PhaseLookup(data: data, phase: phase)
    }

    /// The subjects that `query` names: the one with that id, else whole-name matches, else partial ones.
    public func find(_ query: String) -> [Match] {
        for kind in [SubjectKind.member, .unit] where lookup.data.rows(kind).row(of: query) != nil {
            return [match(query, kind)]
        }
        let wanted = Self.key(query)
        guard !wanted.isEmpty else { return [] }
        var whole: [Match] = [], partial: [Match] = []
        for kind in [SubjectKind.member, .unit] {
            for id in lookup.data.rows(kind).ids {
                guard let name = lookup.text(kind, id, "name") else { continue }
                let key = Self.key(name)
                if key == wanted { whole.append(match(id, kind)) } else if whole.isEmpty, key.contains(wanted) { partial.append(match(id, kind)) }
            }
        }
        return whole.isEmpty ? partial : whole
    }

    func match(_ id: String, _ kind: SubjectKind) -> Match {
        let unit = kind == .member ? lookup.unit(of: id, kind: .member) : lookup.parent(of: id)
        return Match(id: id, kind: kind, name: lookup.text(kind, id, "name") ?? id, unit: unit, unitName: unit.map(lookup.unitName))
    }

    /// Lowercased NFC with single spaces.
    static func key(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
