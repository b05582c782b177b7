"""Working days and bank holidays in England, London time, and countdowns to a deadline."""
