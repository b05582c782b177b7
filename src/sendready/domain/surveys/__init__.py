"""Surveys of parents and carers, children and young people, and practitioners: the question bank (data
beside the code), checking a family's answers, when a survey is open (Europe/London), counting results
with small-number suppression, and a rate limit that needs no stored identity."""
