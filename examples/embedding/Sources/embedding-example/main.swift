import Commend
import Foundation

let rules = try RuleSet(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../rules").standardizedFileURL)
var data = DatasetBuilder(rules: rules)
data.addUnit(["id": "U1", "name": "CĐ Trường A", "cluster": "giao-duc", "new_members": 2, "fee_rate": 1])
data.addUnit(["id": "U2", "name": "CĐ Trường B", "cluster": "giao-duc", "new_members": 7, "fee_rate": 0.5])
data.addUnit(["id": "U3", "name": "CĐ Trường C", "cluster": "giao-duc", "new_members": 4, "fee_rate": 0.75])
data.addUnit(["id": "U4", "name": "CĐ Trường D", "cluster": "giao-duc", "new_members": 1, "fee_rate": 0.25])
data.addUnit(["id": "U5", "name": "CĐ Bệnh viện", "cluster": "y-te", "new_members": 9, "fee_rate": 1])
data.addMember(["id": "M1", "name": "Hà", "unit": "U1", "rating": "Tốt", "disciplined": false])
data.addMember(["id": "M2", "name": "Lan", "unit": "U2", "rating": "hoan_thanh", "disciplined": true])
data.addMember(["id": "M3", "name": "Minh", "unit": "U5", "rating": "xuat_sac", "disciplined": true])

let result = try await rules.evaluate(data.build(), phase: "dot2")
for member in result.award("lao-dong-tien-tien")!.results {
    print(member.subject, member.name, member.eligible ? "đủ điều kiện" : "chưa đạt: " + member.failed.joined(separator: ", "))
}
for unit in result.scoring("cham-diem")!.ranking(in: "giao-duc").prefix(3) {
    print(unit.rank, unit.subject, unit.name, unit.total)
}
