/// A message from the rules for the result's `diagnostics` (what scripts print).
public struct Diagnostic: Sendable, Hashable {
    /// `info` (printed by a script) or `warning` (from the engine).
    public var level: String
    /// The text, cut to `maxText` bytes.
    public var message: String
    /// The rule file that printed it, if known.
    public var file: String?
    /// The line that printed it, if known.
    public var line: Int?
    /// At most this many messages are kept per run; the rest are counted.
    public static let cap = 1000
    /// Longest text kept from a script (a message, a detail), in bytes.
    public static let maxText = 4096

    /// `text`, cut to `maxText` bytes at a character boundary, with "…" when cut.
    public static func clip(_ text: String) -> String {
        guard text.utf8.count > maxText else { return text }
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: maxText)
        // Back to the first byte of a character (continuation bytes are 10xxxxxx).
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self) + "…"
    }

    /// A diagnostic; see the properties.
    public init(level: String, message: String, file: String?, line: Int?) {
        self.level = level
        self.message = message
        self.file = file
        self.line = line
    }
}
