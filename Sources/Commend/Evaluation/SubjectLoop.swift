import LuaKit

extension Worker {
    /// Evaluates each declaration of `batch` (all of one kind of subject)
    /// on the subjects of `rows`, in id order: each subject is built once
    /// and every declaration still running is called on it, each with
    /// `math.random` seeded for it. A declaration that fails (or needs
    /// another declaration first) stops there and the others go on; a
    /// limit stops them all. Outcomes are in the order of `batch`.
    func evaluate(_ batch: [DeclarationID], rows: ArraySlice<Int>) -> [ChunkOutcome] {
        let view = data.view(subjects[batch[0]])
        let chunks: [any DeclarationChunk] = batch.map { id -> any DeclarationChunk in
            switch id.kind {
            case .award: AwardChunk(worker: self, index: id.index, rows: rows.count)
            case .scoring: ScoringChunk(worker: self, index: id.index, rows: rows.count)
            }
        }
        let marks = readMarks(batch)
        defer { recordReads(for: nil) }
        var failures: [Int: ChunkFailure] = [:]
        var running = Array(chunks.indices)
        var stopped = false
        let stack = state.stack
        stack.preserving {
            let ctx = stack.pushSlot(self.ctx)
            let index = view.rowIndex
            defer { current = nil; seeding = nil; lookupHint.point(at: nil, row: -1) }
            for row in rows where !running.isEmpty && !stopped {
                current = (view.kind, row)
                lookupHint.point(at: index, row: row)
                stack.preserving {
                    pushSubject(view, row: row)
                    let subject = stack.topSlot
                    var i = 0
                    while i < running.count {
                        let chunk = chunks[running[i]]
                        seeding = (chunk.what, view)
                        recordReads(for: marks[running[i]])
                        runtime.sandbox.seedAtNextDraw()
                        do {
                            try evaluate(chunk.sequence, subject: subject, ctx: ctx, id: view.id(row), what: chunk.what,
                                         part: chunk.part) { results in
                                try chunk.read(results, row: row, worker: self)
                            }
                            if !runtime.diagnostics.isEmpty || runtime.droppedDiagnostics > 0 {
                                let (kept, dropped) = takeDiagnostics()
                                chunk.diagnostics.add(kept, dropped: dropped)
                            }
                            i += 1
                        } catch {
                            _ = takeDiagnostics()
                            state.clearInterrupt()
                            let failure = ChunkFailure(error: error)
                            failures[running[i]] = failure
                            running.remove(at: i)
                            if failure.stopsRun { stopped = true; break }
                        }
                    }
                }
            }
        }
        return chunks.indices.map { c in
            if let failure = failures[c] { return .failed(failure) }
            if stopped { return .incomplete }
            do {
                return .done(try chunks[c].finish(), chunks[c].diagnostics)
            } catch {
                return .failed(ChunkFailure(error: error))
            }
        }
    }

    /// Calls `sequence` with one subject and `read` with its results when
    /// the declaration applies. Errors become `RuleError`s naming the
    /// declaration, the part (from `part`) and the subject; a needed
    /// dependency becomes `DependencyNeeded`.
    private func evaluate(_ sequence: LuaSequence, subject: LuaSlot, ctx: LuaSlot, id: @autoclosure () -> String, what: String,
                          part: (LuaSequence.Step) -> (String, SourceLocation),
                          _ read: (LuaSequenceResults) throws -> Void) throws {
        do {
            try sequence.call(subject, ctx) { results in
                guard results.gatePassed else { return }
                try read(results)
            }
        } catch let failure as LuaSequence.SequenceError {
            let (name, at) = part(failure.step)
            throw ruleError(failure.error, what: what, part: name, id: id(), at: at)
        } catch let error as LuaConversionError {
            let (name, at) = part(.tail(0))
            throw RuleError(kind: .script, location: at, declaration: what, part: name, subject: id(),
                            message: "\(error.expected), got \(error.found)")
        } catch let error as PartConversionError {
            let (name, at) = part(error.step)
            throw RuleError(kind: .script, location: at, declaration: what, part: name, subject: id(),
                            message: "\(error.error.expected), got \(error.error.found)")
        }
    }

    /// A Lua error from a rule function as a `RuleError`, or the dependency it was interrupted for.
    func ruleError(_ error: any Error, what: String, part: String, id: String, at location: SourceLocation) -> any Error {
        guard let error = error as? LuaError else { return error }
        if error.kind == .interrupted, let interrupt = error.underlying as? LuaInterrupt, let id = interrupt.payload as? DeclarationID {
            state.clearInterrupt()
            return DependencyNeeded(id: id)
        }
        return RuleError(error, declaration: what, part: part, subject: id, fallback: location)
    }

    /// A detail value as text: strings as they are, numbers and booleans printed, nil as nil.
    func detail(_ result: LuaResult) -> String? {
        if result.isNil { return nil }
        if let text = result.string(cache: &texts) { return Diagnostic.clip(text) }
        switch result.value {
        case .integer, .number, .bool, .bytes, .string: return result.value.description
        case let other: return "(\(other.typeName))"
        }
    }
}

/// A result of the given part of a sequence could not be read.
struct PartConversionError: Error {
    var step: LuaSequence.Step
    var error: LuaConversionError
}
