"""worklist and follow-ups"""
