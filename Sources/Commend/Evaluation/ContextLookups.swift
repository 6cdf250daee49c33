import LuaKit

/// `ctx.awarded`, `ctx.eligible`, `ctx.total`, `ctx.rank` and `ctx.grade`
/// of one worker, answered in C from the columns that `ResultStore`
/// publishes when an award or scoring is final: rules ask them millions of
/// times per run. What C cannot answer (an unknown name, a result not final
/// yet, arguments that are not strings) goes to the Swift functions, which
/// raise the error or interrupt the pass for the result needed.
struct ContextLookups {
    let awarded: LuaLookup
    let eligible: LuaLookup
    let total: LuaLookup
    let rank: LuaLookup
    let grade: LuaLookup

    var named: [(String, LuaLookup)] {
        [("awarded", awarded), ("eligible", eligible), ("total", total), ("rank", rank), ("grade", grade)]
    }

    /// Each lookup with the position of its column in `ResultStore.columns`.
    var columns: [(lookup: LuaLookup, kind: DeclarationID.Kind, column: Int)] {
        [(awarded, .award, 0), (eligible, .award, 1), (total, .scoring, 0), (rank, .scoring, 1), (grade, .scoring, 2)]
    }
}

extension Worker {
    /// A lookup over the ids of the declarations of `kind`, with the Swift
    /// function `ctx.NAME` behind it.
    func lookup(_ name: String, of kind: DeclarationID.Kind, missingIsFalse: Bool,
                _ fallback: @escaping LuaClosure) -> LuaLookup {
        let names = kind == .award ? runtime.awards.map(\.id) : runtime.scorings.map(\.id)
        return LuaLookup(state: state, names: names, missingIsFalse: missingIsFalse, hint: lookupHint,
                         fallback: state.function("ctx." + name, fallback))
    }

    /// Hands C the columns published since the last call; a declaration
    /// that does not apply in the phase reads as nothing (false or nil).
    /// Called between passes, while this worker's state runs no Lua code.
    func syncLookups() {
        guard let lookups else { return }
        for (lookup, kind, column) in lookups.columns {
            let count = kind == .award ? runtime.awards.count : runtime.scorings.count
            for index in 0..<count where !lookup.isPublished(index) {
                let id = DeclarationID(kind, index)
                if !store.applies(id) {
                    lookup.publish(nil, at: index)
                } else if let published = store.columns[id] {
                    lookup.publish(published[column], at: index)
                }
            }
        }
    }
}
