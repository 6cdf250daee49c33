import Foundation
import LuaKit

/// Every error that Commend's public calls throw. Its `description` is the
/// message for people (`file:line: message` where a place is known), and so
/// is `localizedDescription`: `LocalizedError.errorDescription` returns it.
///
/// Catch `any CommendError` to show any of them; catch the concrete types
/// (`RuleLoadError`, `DataError`, `RuleError`, `EvaluationError`,
/// `NoSuchDirectory`, ...) to act on their parts. Cancelling the task of an
/// `async` evaluation throws Swift's `CancellationError` instead.
public protocol CommendError: LocalizedError, CustomStringConvertible, Sendable {}

extension CommendError {
    /// The message: the same text as `description`.
    public var errorDescription: String? { description }
}

extension RuleLoadError: CommendError {}
extension RuleError: CommendError {}
extension EvaluationError: CommendError {}
extension DataError: CommendError {}
extension DataIssue: CommendError {}
extension NoSuchDirectory: CommendError {}
extension WatchFailure: CommendError {}
extension FileReadError: CommendError {}
// LuaKit's errors (LuaKit knows nothing of Commend; each already gives its
// message as `errorDescription`).
extension LuaError: CommendError {}
extension SandboxError: CommendError {}
extension LuaConversionError: CommendError {}
extension LuaArgumentError: CommendError {}
extension SharedStateError: CommendError {}
