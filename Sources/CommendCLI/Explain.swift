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
            """)

    @OptionGroup var source: SourceOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "The member or unit id.")
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
        if data.members.row(of: subject) == nil && data.units.row(of: subject) == nil {
            throw EvaluationError("no member or unit \"\(subject)\" in \(source.data)")
        }
        let result = try Evaluator.evaluate(rules: rules, data: data, phase: source.phase, options: limits.evaluation)
        guard let text = ExplainFormat.text(result, subject: subject, only: award, language: language.lang) else {
            print(language.wording(.nothingApplies(phase: source.phase, subject: subject)))
            return
        }
        print(text, terminator: "")
    }
}
