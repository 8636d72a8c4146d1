"""Pairing a phone with this computer's server: the link, its QR code, the paired devices."""
