"""How a sample is written for people (the command's text format and the web pages share it)."""

from sendready.domain.cases.sampling import Sample


def sample_lines(sample: Sample) -> list[str]:
    """The sample as lines of plain text: the mix, any shortfall, cases, then substitutes."""
    lines = [f"Mix: {sample.mix.title} (seed {sample.seed}, as at {sample.as_of.isoformat()})"]
    if sample.shortfalls:
        lines.append("This snapshot cannot meet the mix; the closest possible sample is shown.")
        lines += [f"  ! {s}" for s in sample.shortfalls]
    lines += [f"  Note: {n}" for n in sample.notes]
    lines.append("")
    lines.append("Cases:")
    lines += [f"  {c.person_id}  {c.explanation}" for c in sample.cases]
    lines.append("")
    lines.append("Substitutes:")
    lines += [
        f"  {c.person_id}  for {c.substitute_for}; {c.explanation}" for c in sample.substitutes
    ]
    return lines
