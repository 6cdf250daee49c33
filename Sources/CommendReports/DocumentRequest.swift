import Commend
import Foundation

/// `--kind`: the list of proposed commendations or the phase report.
public enum DocumentKind: String, Sendable, CaseIterable {
    case danhSach = "danh-sach"
    case baoCao = "bao-cao"
}

/// `--format` of `commend report`.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case html, md, xlsx
}

/// What `commend report` is asked to write (RULES.md §9).
public struct DocumentRequest: Sendable {
    public var kind: DocumentKind
    public var format: DocumentFormat
    public var language: Language
    /// `--award`, `--unit`, `--awarded-only`.
    public var filter: ResultFilter
    /// The issuing body of the heading block; default: the name of the root
    /// unit of the data (the provincial federation).
    public var issuer: String?
    /// The place of the date line; default: the province in the issuer's name.
    public var place: String?
    /// The date of the document, `YYYY-MM-DD`; default: dots to fill in by hand.
    public var date: String?
    /// A directory of templates to use instead of the shipped ones.
    public var templates: URL?
    /// The same phase of the previous year (the store's finalized run), for
    /// the báo cáo's comparison; nil: the báo cáo says there is none.
    public var previous: EvaluationResult?

    public init(kind: DocumentKind, format: DocumentFormat = .html, language: Language = .vi,
                filter: ResultFilter = ResultFilter(), issuer: String? = nil, place: String? = nil,
                date: String? = nil, templates: URL? = nil, previous: EvaluationResult? = nil) {
        self.kind = kind
        self.format = format
        self.language = language
        self.filter = filter
        self.issuer = issuer
        self.place = place
        self.date = date
        self.templates = templates
        self.previous = previous
    }
}

/// Writes the documents of a phase from an evaluation.
public enum Documents {
    /// The document's bytes (UTF-8 text for HTML and Markdown, a zip for xlsx).
    public static func render(_ result: EvaluationResult, data: Dataset, request: DocumentRequest) throws -> Data {
        let narrowed = try request.filter.apply(to: result, data: data)
        let context = DocumentContext(result: narrowed, data: data, request: request)
        if request.format == .xlsx {
            let workbook = request.kind == .danhSach ? WorkbookSheets.danhSach(context) : WorkbookSheets.baoCao(context)
            return try workbook.data()
        }
        let model = request.kind == .danhSach ? DanhSachModel.build(context) : BaoCaoModel.build(context)
        let templates = try TemplateSet.load(custom: request.templates)
        let name = "\(request.kind.rawValue)-\(request.format.rawValue)"
        return Data(try templates.render(model, template: name).utf8)
    }
}
