"""Rules for text written for people who read what the partnership sends: plain English, no app-facing words."""
