/// The arrival instants of all call attempts: exactly `count` of them, in
/// time order, spread over the window's UTC days along `TrafficCurve`.
///
/// Fixing the instants first (and only then deciding who is calling) is what
/// makes the call log hold exactly the requested number of rows while the
/// callers' behaviour stays free: a redial takes the first arrival after the
/// moment the caller wanted to dial again.
struct ArrivalSchedule {
    private let firstDay: Int
    private let days: Int
    private let count: Int
    private var random: RandomSource
    /// Weight of each UTC quarter hour, per UTC weekday (the site's local
    /// weekday changes at 23:00 UTC).
    private let quarterWeights: [[Int]]
    private let dayWeights: [Int]
    private let totalWeight: Int
    private var dayIndex = -1
    private var cumulativeWeight = 0
    private var emitted = 0
    private var today: [Int] = []
    private var position = 0
    private var spacings: [Double] = []

    init(firstDay: Int, days: Int, count: Int, random: RandomSource) {
        self.firstDay = firstDay
        self.days = days
        self.count = count
        self.random = random
        var quarterWeights: [[Int]] = []
        for utcWeekday in 0..<7 {
            quarterWeights.append((0..<96).map { quarter in
                let localQuarter = quarter + SiteClock.offsetSeconds / 900
                let weekday = (utcWeekday + localQuarter / 96) % 7
                return TrafficCurve.weekdayPercent[weekday] * TrafficCurve.quarterHourPerMille[localQuarter % 96]
            })
        }
        self.quarterWeights = quarterWeights
        dayWeights = quarterWeights.map { $0.reduce(0, +) }
        var total = 0
        for day in 0..<days { total += dayWeights[CivilCalendar.weekday(ofDay: firstDay + day)] }
        totalWeight = total
    }

    /// The next arrival instant, or nil once `count` have been given.
    mutating func next() -> Int? {
        while position == today.count {
            guard dayIndex + 1 < days else { return nil }
            dayIndex += 1
            fillDay()
        }
        position += 1
        return today[position - 1]
    }

    /// Gives this day its share of `count` (cumulative rounding, so the days
    /// add up to exactly `count`) and draws that many sorted instants.
    private mutating func fillDay() {
        let day = firstDay + dayIndex
        let weekday = CivilCalendar.weekday(ofDay: day)
        cumulativeWeight += dayWeights[weekday]
        let product = count.multipliedFullWidth(by: cumulativeWeight)
        let dueByTonight = totalWeight.dividingFullWidth(product).quotient
        let arrivals = dueByTonight - emitted
        emitted = dueByTonight
        today.removeAll(keepingCapacity: true)
        position = 0
        guard arrivals > 0 else { return }
        // Sorted uniforms from normalised cumulative exponential spacings:
        // no sort needed.
        spacings.removeAll(keepingCapacity: true)
        var sum = 0.0
        for _ in 0...arrivals {
            sum += random.exponential()
            spacings.append(sum)
        }
        let weights = quarterWeights[weekday]
        let scale = Double(dayWeights[weekday]) / sum
        var quarter = 0
        var before = 0.0
        for index in 0..<arrivals {
            let target = spacings[index] * scale
            while quarter < 95 && target >= before + Double(weights[quarter]) {
                before += Double(weights[quarter])
                quarter += 1
            }
            let within = min(899, Int((target - before) / Double(weights[quarter]) * 900))
            today.append(day * 86_400 + quarter * 900 + max(0, within))
        }
    }
}
