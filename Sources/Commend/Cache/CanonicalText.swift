/// A text that names a Swift value completely and the same way in every
/// process (dictionaries and sets sorted), for keys: a declaration's fields,
/// the plan.
enum CanonicalText {
    static func of(_ value: Any) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private static func write(_ value: Any, to out: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let some = mirror.children.first { out += "?"; write(some.value, to: &out) } else { out += "nil" }
        case .dictionary, .set:
            let parts = mirror.children.map { of($0.value) }.sorted()
            out += "{" + parts.joined(separator: ",") + "}"
        case .collection:
            out += "["
            for child in mirror.children { write(child.value, to: &out); out += "," }
            out += "]"
        case .struct, .class, .tuple, .enum:
            out += "\(type(of: value))"
            if mirror.displayStyle == .enum { out += ".\(String(describing: value).prefix(while: { $0 != "(" }))" }
            out += "("
            for child in mirror.children {
                out += (child.label ?? "_") + ":"
                write(child.value, to: &out)
                out += ";"
            }
            out += ")"
        default:
            out += "\(type(of: value)):" + String(reflecting: value)
        }
    }
}
