import ArgumentParser
import Commend
import CommendReports
import CommendStore
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the documents of a phase: the list of proposed commendations or the phase report.",
        discussion: """
            --kind danh-sach writes the "Danh sách đề nghị khen thưởng": the
            heading block of an official document, one table per award with the
            subjects grouped under their unit's name, and a place for signatures.
            --kind bao-cao writes the phase report (sơ kết after the first phase,
            tổng kết after the last): counts per award and per district, every
            cluster's ranking with a bar chart, the subjects a quota left out,
            ties at a quota's cut-off, and the change against the previous year
            when the store (--db) holds its finalized run. HTML (one
            self-contained file that prints on A4), Markdown, or an xlsx
            workbook. Vietnamese by default. --run RUN: a recorded run's result.

              commend report --phase dot2 --kind danh-sach --out ds.html
              commend report --phase dot2 --kind bao-cao --format xlsx --out bc.xlsx
              commend report --phase dot1 --kind danh-sach --unit H01 --out h01.md --format md
              commend report --export-templates my-templates

            Templates: --export-templates DIR copies the shipped Mustache
            templates (danh-sach-html, danh-sach-md, bao-cao-html, bao-cao-md
            and their partials) into DIR; edit the copies and pass --template
            DIR. A template missing from DIR is taken from the shipped set.
            """)

    @Option(help: "The rules directory.")
    var rules = "rules"

    @Option(help: "The data directory.")
    var data = "examples/bac-kan-2021"

    @Option(help: "The phase, one of the plan's phases.")
    var phase: String?

    @Option(help: "danh-sach (list of proposed commendations) or bao-cao (phase report).")
    var kind: DocumentKind?

    @OptionGroup var narrowing: FilterOptions

    @Option(help: "html (default), md or xlsx.")
    var format: DocumentFormat = .html

    @OptionGroup var language: LanguageOption

    @Option(help: "A directory of templates to use in place of the shipped ones.")
    var template: String?

    @Option(help: "The issuing body of the heading (default: the name of the data's root unit).")
    var issuer: String?

    @Option(help: "The place of the date line (default: the province in the issuer's name).")
    var place: String?

    @Option(help: "The date of the document, YYYY-MM-DD (default: dots to fill in by hand).")
    var date: String?

    @Option(help: "Write the document to this file.")
    var out: String?

    @Option(name: .customLong("export-templates"), help: "Copy the shipped templates into this directory and stop.")
    var exportTemplates: String?

    @Option(name: .customLong("run"), help: "A recorded run (commend runs list): its stored result instead of a new evaluation; --phase may be left out.")
    var runID: Int64?

    @OptionGroup var store: StoreOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if exportTemplates != nil { return }
        guard phase != nil || runID != nil else { throw ValidationError("missing --phase (or --run)") }
        guard kind != nil else { throw ValidationError("missing --kind (danh-sach or bao-cao)") }
        guard out != nil else { throw ValidationError("missing --out FILE") }
        if let date, date.split(separator: "-").count != 3 || date.count != 10 {
            throw ValidationError("--date: expected YYYY-MM-DD, found \"\(date)\"")
        }
    }

    func run() throws {
        if let exportTemplates {
            let names = try Documents.exportTemplates(to: URL(fileURLWithPath: exportTemplates))
            print("copied \(names.count) templates to \(exportTemplates): \(names.joined(separator: ", "))")
            return
        }
        guard let kind, let out else { return }
        let stored = try store.openIfPresent()
        let recorded = try runID.map { id -> EvaluationResult in
            guard let stored else {
                throw EvaluationError("\(store.path): no database of recorded runs (commend evaluate --record writes one)")
            }
            return try stored.result(of: id)
        }
        if let recorded, let phase, phase != recorded.phase.id {
            throw EvaluationError("run \(runID!) is of phase \(recorded.phase.id), not \(phase)")
        }
        // The same loading as the other commands (with the data's time limit);
        // --phase is optional here because --run and --export-templates need none.
        let source = try SourceOptions.parse(["--rules", rules, "--data", data, "--phase", recorded?.phase.id ?? phase!])
        let ruleSet = try source.loadRules(limits: limits.limits)
        printWarnings(ruleSet)
        let dataset = try store.addingHistory(to: try source.loadData(plan: ruleSet.plan, timeout: limits.timeout),
                                              plan: ruleSet.plan, store: stored)
        let result = try recorded ?? Evaluator.evaluate(rules: ruleSet, data: dataset, phase: source.phase, options: limits.evaluation)
        let previous = try stored.flatMap { try Self.previousYear(of: result, in: $0) }
        let request = DocumentRequest(kind: kind, format: format, language: language.lang,
                                      filter: narrowing.filter,
                                      issuer: issuer, place: place, date: date,
                                      templates: template.map { URL(fileURLWithPath: $0) }, previous: previous)
        let bytes = try Documents.render(result, data: dataset, request: request)
        let sink = try OutputSink(file: URL(fileURLWithPath: out))
        sink.write(bytes: [UInt8](bytes))
        try sink.commit()
    }
}

extension Report {
    /// The official result (finalized run) of the same phase one year
    /// earlier, for the báo cáo's comparison; nil when the store has none.
    static func previousYear(of result: EvaluationResult, in store: RunStore) throws -> EvaluationResult? {
        let last = try store.runs(phase: result.phase.id).last { $0.finalized && $0.year == result.plan.year - 1 }
        return try last.map { try store.result(of: $0.id) }
    }
}

extension DocumentKind: ExpressibleByArgument {}
extension DocumentFormat: ExpressibleByArgument {}
