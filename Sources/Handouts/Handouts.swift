/// A supervisor's cohort handouts: one personalised copy per trainee.
public enum Handouts {}
