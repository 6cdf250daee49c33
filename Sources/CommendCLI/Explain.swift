import ArgumentParser
import Commend
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the decisions about one member or unit.",
        discussion: """
            For one subject, prints every award and scoring that applies: each criterion
            with pass or fail and its detail, each item's points and clamping, bonus,
            penalty, total, rank, grade, and the subject's place against a quota.

              commend explain --phase dot2 --subject DV0000001
              commend explain --phase dot2 --subject CD0001 --award xep-loai-cdcs
              commend explain --phase dot1 --subject "Nguyễn Thị Mai"

            A name is matched whole, ignoring case; when no name matches whole, as a
            part of names. A name that fits several subjects lists them with their ids
            and units (exit status 2): run again with the id.
            """)

    @OptionGroup var source: SourceOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "The member or unit: its id, or its name (a name that fits several subjects lists them).")
    var subject: String

    @Option(help: "Only this award (or scoring) id.")
    var award: String?

    func run() throws {
        let rules = try source.loadRules(limits: limits.limits)
        printWarnings(rules)
        if let award, rules.award(award) == nil, rules.scoring(award) == nil {
            throw EvaluationError("unknown award or scoring \"\(award)\"")
        }
        let data = try store.addingHistory(to: try source.loadData(plan: rules.plan, timeout: limits.timeout),
                                           plan: rules.plan)
        let subject = try resolve(in: data)
        let result = try Evaluator.evaluate(rules: rules, data: data, phase: source.phase, options: limits.evaluation)
        guard let text = ExplainFormat.text(result, subject: subject, only: award, language: language.lang) else {
            print(language.wording(.nothingApplies(phase: source.phase, subject: subject)))
            return
        }
        print(text, terminator: "")
    }

    /// The subject's id: the id given, or the one subject whose name fits.
    func resolve(in data: Dataset) throws -> String {
        let matches = SubjectSearch(data: data, phase: source.phase).find(subject)
        switch matches.count {
        case 1: return matches[0].id
        case 0: throw EvaluationError("no member or unit \"\(subject)\" in \(source.data) (neither an id nor a name)")
        default:
            let lines = matches.prefix(50).map { m in
                "  \(m.id)  \(m.name)  (\(m.kind == .member ? "member" : "unit")\(m.unitName.map { ", \($0)" } ?? ""))"
            }
            let more = matches.count > 50 ? "\n  ... and \(matches.count - 50) more" : ""
            throw EvaluationError("\(matches.count) subjects fit \"\(subject)\"; give one id with --subject:\n"
                                  + lines.joined(separator: "\n") + more)
        }
    }
}
