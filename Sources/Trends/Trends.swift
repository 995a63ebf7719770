/// Patterns across weeks of journals: the rupture log and its trends.
public enum Trends {}
