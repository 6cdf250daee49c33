import Commend
import Foundation
import Mustache

/// The Mustache templates of the documents: the ones shipped in the package
/// (`Templates/`), with any of the same name in `--template DIR` in their place.
struct TemplateSet {
    let library: MustacheLibrary

    /// The shipped templates' directory: `share/commend/templates` beside the
    /// `bin` of an installed `commend` (`make install`), else the package's
    /// resource bundle (the build folder, or a copy next to the executable).
    static var shipped: URL {
        get throws {
            let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe")).resolvingSymlinksInPath()
            let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/commend/templates")
            if FileManager.default.fileExists(atPath: installed.appendingPathComponent("danh-sach-html.mustache").path) {
                return installed
            }
            guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
                throw EvaluationError("the shipped report templates are missing from the installation")
            }
            return url
        }
    }

    static func load(custom: URL?) throws -> TemplateSet {
        MarkdownContentType.register()
        var templates = try read(directory: shipped)
        if let custom {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: custom.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw EvaluationError("\(custom.path): no such template directory")
            }
            templates.merge(try read(directory: custom)) { _, mine in mine }
        }
        return TemplateSet(library: MustacheLibrary(templates: templates))
    }

    /// Every `NAME.mustache` of a directory, by NAME; a template that does not
    /// parse is an error naming its file and line.
    static func read(directory: URL) throws -> [String: MustacheTemplate] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var templates: [String: MustacheTemplate] = [:]
        for name in names {
            let file = directory.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw EvaluationError("\(file.path):\(error.context.lineNumber): template error: \(error.error) near \"\(error.context.line.trimmingCharacters(in: .whitespaces))\"")
            }
        }
        return templates
    }

    func render(_ model: [String: Any], template name: String) throws -> String {
        guard let text = library.render(model, withTemplate: name) else {
            throw EvaluationError("no template \"\(name).mustache\"")
        }
        return text
    }

    /// Copies the shipped templates into `directory` (created if needed), for
    /// an administrator to edit and pass back with `--template`.
    static func export(to directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try shipped
        let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let target = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target)
        }
        return names
    }
}

extension Documents {
    /// `commend report --export-templates DIR`: the shipped templates, copied.
    public static func exportTemplates(to directory: URL) throws -> [String] {
        try TemplateSet.export(to: directory)
    }
}

/// `{{% CONTENT_TYPE: MARKDOWN }}`: what Markdown would read as markup in a
/// name is escaped (`<`, `&`, quotes as entities; `|`, `*`, `_`, `[`, `]`,
/// `` ` ``, `\`, `#` with a backslash), so "A & <B>" stays text in a table cell.
struct MarkdownContentType: MustacheContentType {
    static let once: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    static func register() { _ = once }

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "\\", "|", "*", "_", "[", "]", "`", "#": out += "\\" + String(c)
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
