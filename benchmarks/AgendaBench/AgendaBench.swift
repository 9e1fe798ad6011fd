@main struct AgendaBench { static func main() {} }
