print("masweep")
