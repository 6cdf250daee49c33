import Foundation

/// A LuaKit error whose `localizedDescription` is its message (its
/// `description`), not "The operation could not be completed".
public protocol LuaMessageError: LocalizedError, CustomStringConvertible {}

extension LuaMessageError {
    /// The message, as `description` gives it.
    public var errorDescription: String? { description }
}

extension LuaError: LuaMessageError {}
extension SandboxError: LuaMessageError {}
extension LuaConversionError: LuaMessageError {}
extension LuaArgumentError: LuaMessageError {}
extension SharedStateError: LuaMessageError {}
