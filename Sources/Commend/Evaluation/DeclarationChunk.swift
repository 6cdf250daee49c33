import LuaKit

/// One declaration's outcomes for a chunk of subjects, gathered subject by
/// subject while the other declarations of its batch run on the same
/// subjects (`Worker.evaluate(_:rows:)`).
protocol DeclarationChunk: AnyObject {
    var id: DeclarationID { get }
    /// `award "x"` or `scoring "y"`, for errors and the seed of `math.random`.
    var what: String { get }
    var sequence: LuaSequence { get }
    /// Messages the declaration printed in this chunk.
    var diagnostics: PrintedMessages { get set }
    /// The name and place of a step of the sequence, for errors.
    func part(_ step: LuaSequence.Step) -> (String, SourceLocation)
    /// Takes the results of one subject to which the declaration applies.
    func read(_ results: LuaSequenceResults, row: Int, worker: Worker) throws
    /// The outcomes once every subject of the chunk was read.
    func finish() throws -> ChunkOutput
}

/// What a chunk of an award or a scoring produced.
enum ChunkOutput: Sendable {
    case award([AwardRow])
    case scoring([ScoreRow])

    /// The outputs of consecutive chunks of a declaration of `kind`, as one.
    init(joining parts: [ChunkOutput], as kind: DeclarationID.Kind) {
        switch kind {
        case .award:
            self = .award(Array(parts.lazy.flatMap { part -> [AwardRow] in
                guard case .award(let rows) = part else { preconditionFailure("chunks of one declaration disagree on its kind") }
                return rows
            }))
        case .scoring:
            self = .scoring(Array(parts.lazy.flatMap { part -> [ScoreRow] in
                guard case .scoring(let rows) = part else { preconditionFailure("chunks of one declaration disagree on its kind") }
                return rows
            }))
        }
    }
}

/// How one declaration fared on one chunk of subjects.
enum ChunkOutcome: Sendable {
    case done(ChunkOutput, PrintedMessages)
    /// It failed, or needs another declaration first (`DependencyNeeded`).
    case failed(ChunkFailure)
    /// Cut short: a limit stopped another declaration of the batch.
    case incomplete
}

/// An error raised on a worker's thread, read by the coordinator once the
/// parallel work has joined.
// @unchecked Sendable: the error is made by one worker and only read after
// `Parallel.map` returns; nothing shares it meanwhile.
struct ChunkFailure: @unchecked Sendable {
    let error: any Error

    /// Whether the run cannot go on: a limit (the Lua states are stopped)
    /// or the result memory budget.
    var stopsRun: Bool { (error as? RuleError)?.kind.isLimit ?? false }
}

/// Printed messages kept (at most `Diagnostic.cap`), and how many more were
/// dropped: of one declaration on one chunk of subjects, or of a whole run.
struct PrintedMessages: Sendable {
    var kept: [Diagnostic] = []
    var dropped = 0

    mutating func add(_ more: [Diagnostic], dropped more2: Int) {
        let room = max(0, Diagnostic.cap - kept.count)
        kept += more.prefix(room)
        dropped += more.count - min(room, more.count) + more2
    }

    mutating func add(_ other: PrintedMessages) { add(other.kept, dropped: other.dropped) }
}
