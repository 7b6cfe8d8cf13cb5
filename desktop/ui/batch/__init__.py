"""batch status"""
