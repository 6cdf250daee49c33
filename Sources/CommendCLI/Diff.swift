import ArgumentParser
import Commend
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the impact of a rule change on one phase.",
        discussion: """
            Evaluates the old rules (--rules) and the new rules (--against) on the same
            data and phase, and compares them award by award and scoring by scoring
            (matched by id). For each award: the subjects that gain or lose eligibility
            or the award, with the criteria whose pass or fail changed, or their quota
            place where only the quota decided; awards that only one side decides are
            listed as added or removed. For each scoring: the subjects whose rank,
            grade or group moved, old → new, with their total old → new. What did not
            change is left out.

            Both sides use the result cache (beside --rules, see evaluate --help): the
            awards the two rule sets declare alike are evaluated once, and a diff run
            again after an edit evaluates only what the edit changed. --no-cache turns it off.

              cp -r rules /tmp/rules-new   # then edit /tmp/rules-new/ca-nhan.lua
              commend diff --rules rules --against /tmp/rules-new --phase dot2
              commend diff --rules rules --against /tmp/rules-new --phase dot2 --format json --out impact.json

            The JSON output is deterministic (same rules and data, same bytes). Every
            {"old": …, "new": …} pair holds the value under the old and the new rules,
            null where that side has no value:

              {"phase": {"id", "name"},
               "rules_digest": {"old", "new"},
               "awards": [{"id", "name", "subject": "member"|"unit",
                           "status": "changed"|"added"|"removed",
                           "eligible": {"old", "new"}, "awarded": {"old", "new"},   (counts)
                           "changes": [{"subject", "name",
                                        "change": "gains_award"|"loses_award"|"becomes_eligible"|"loses_eligibility",
                                        "eligible": {"old", "new"}, "awarded": {"old", "new"},   (null: award does not apply)
                                        "criteria": [{"id", "text", "passed": {"old", "new"}, "detail": {"old", "new"}}],
                                        "quota": {"old", "new"}}]}],   (as in evaluate's JSON: group, place, limit, base, order)
               "scorings": [{"id", "name", "subject", "status", "scored": {"old", "new"},
                             "changes": [{"subject", "name", "group": {"old", "new"}, "rank": {"old", "new"},
                                          "group_size": {"old", "new"}, "total": {"old", "new"}, "grade": {"old", "new"}}]}]}

            Awards and scorings come in the new rules' declaration order, then those only
            the old rules have; award changes by subject id; scoring changes by the new
            group, rank and subject id. A criterion missing on one side counts as passed
            there, and only criteria whose outcome differs are listed. Exit status: 0
            done (with or without changes), 1 a rule error in either side, 2 bad usage
            or bad data.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var source: SourceOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var caching: CacheOptions

    @Option(help: "The new rules directory, compared with --rules (the old rules).")
    var against: String

    @Option(help: "Output format: table (readable text) or json (see the discussion).")
    var format: Format = .table

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        if let out { try OutputTarget.check(out, inputs: [(source.rules, OutputTarget.rules), (against, OutputTarget.rules), (source.data, OutputTarget.data)]) }
        let old = try source.loadRules(limits: limits.limits)
        printWarnings(old)
        let new = try RuleSet.load(directory: URL(fileURLWithPath: against), displayName: against, limits: limits.limits)
        printWarnings(new)
        let history = try store.openIfPresent()
        let oldData = try store.addingHistory(to: try source.loadData(plan: old.plan, timeout: limits.timeout),
                                              plan: old.plan, store: history)
        let sameShape = old.plan.fields == new.plan.fields && old.plan.phases.map(\.id) == new.plan.phases.map(\.id)
            && old.plan.year == new.plan.year
        let newData = sameShape ? oldData
            : try store.addingHistory(to: try source.loadData(plan: new.plan, timeout: limits.timeout),
                                      plan: new.plan, store: history)
        var oldOptions = limits.evaluation, newOptions = limits.evaluation
        let files = caching.filesDigest(dataDirectory: source.data)
        caching.apply(to: &oldOptions, rules: source.rules, files: files, dataset: oldData)
        caching.apply(to: &newOptions, rules: source.rules, files: files, dataset: newData)
        let before = try Evaluator.evaluate(rules: old, data: oldData, phase: source.phase, options: oldOptions)
        let after = try Evaluator.evaluate(rules: new, data: newData, phase: source.phase, options: newOptions)
        let impact = Impact(old: before, new: after)
        let sink = try OutputSink.to(out)
        switch format {
        case .table: sink.write(Terminal.text(ImpactTextFormat.text(impact, old: source.rules, new: against, language: language.lang)))
        case .json: sink.write(ImpactJSONFormat.text(impact))
        }
        try sink.commit()
    }
}
