print("commend")
