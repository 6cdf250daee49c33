/// Text from rule code (error messages, printed diagnostics, details, names
/// from the data) made safe to show on a terminal: control characters are
/// written as visible escapes, so that ESC sequences cannot move the cursor
/// or clear the screen, BEL cannot ring, CR cannot overwrite a line and NUL
/// cannot cut the text short. Bidirectional overrides are escaped too, so
/// that text cannot be shown in another order than it is.
public enum Terminal {
    /// `text` with every control character escaped, line breaks and tabs
    /// kept (for messages of several lines, such as a traceback).
    public static func text(_ text: String) -> String { escape(text, keepLines: true) }

    /// `text` on one line: line breaks and tabs are escaped too.
    public static func line(_ text: String) -> String { escape(text, keepLines: false) }

    static func escape(_ text: String, keepLines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepLines: keepLines) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepLines: keepLines) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{1B}": out += "\\e"
            case "\0": out += "\\0"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepLines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepLines
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
