/// Customers binned by the calls they made per useful phone or callback
/// contact (`calls_per_useful_contact`, customer by customer), to show the
/// long tail that one overall ratio hides.
struct EffortBins {
    struct Bin {
        let label: String
        /// What the bin holds, in words, for its tooltip.
        let meaning: String
        let cssClass: String
        var customers: Int64 = 0
    }

    /// The ratio bins up to the "> 10" bin, then the two bins no ratio
    /// describes: customers who called and were never helped, and customers
    /// helped without calling (callbacks, contacts they did not dial for).
    private(set) var bins: [Bin]
    /// Customers who called: the denominator of the shares.
    private(set) var callers: Int64 = 0
    private(set) var callersAboveThree: Int64 = 0
    /// The customer who dialled most, fewest useful contacts first among equals.
    private(set) var worst: CustomerEffort?

    static let ratioBinCount = 6
    static let neverHelped = 6
    static let noCall = 7

    /// Upper bounds (calls per useful contact) of the first five bins.
    private static let bounds: [Int64] = [1, 2, 3, 5, 10]

    init(_ efforts: [CustomerEffort]) {
        bins = [
            Bin(label: "≤ 1", meaning: "at most 1 call per useful contact", cssClass: "effort-low"),
            Bin(label: "1–2", meaning: "more than 1, at most 2 calls per useful contact", cssClass: "effort-low"),
            Bin(label: "2–3", meaning: "more than 2, at most 3 calls per useful contact", cssClass: "effort-low"),
            Bin(label: "3–5", meaning: "more than 3, at most 5 calls per useful contact", cssClass: "effort-high"),
            Bin(label: "5–10", meaning: "more than 5, at most 10 calls per useful contact", cssClass: "effort-high"),
            Bin(label: "> 10", meaning: "more than 10 calls per useful contact", cssClass: "effort-high"),
            Bin(label: "never helped", meaning: "called, no useful phone or callback contact", cssClass: "effort-never"),
            Bin(label: "no call", meaning: "useful contacts without a call", cssClass: "effort-none"),
        ]
        for effort in efforts {
            let index: Int
            if effort.attempts == 0 {
                index = Self.noCall
            } else if effort.usefulVoiceContacts == 0 {
                index = Self.neverHelped
            } else {
                // attempts / contacts ≤ bound, in integers.
                index = Self.bounds.firstIndex { effort.attempts <= $0 * effort.usefulVoiceContacts } ?? Self.bounds.count
            }
            bins[index].customers += effort.customers
            if effort.attempts > 0 { callers += effort.customers }
            if (3..<Self.ratioBinCount).contains(index) { callersAboveThree += effort.customers }
            if effort.attempts > 0, worst.map({ effort.attempts > $0.attempts
                || (effort.attempts == $0.attempts && effort.usefulVoiceContacts < $0.usefulVoiceContacts) }) ?? true {
                worst = effort
            }
        }
    }

    var customers: Int64 { bins.reduce(0) { $0 + $1.customers } }
}
