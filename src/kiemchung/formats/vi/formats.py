"""Vietnamese date formats as offices write them: "ngày 30 tháng 9 năm 2024".

Django's own Vietnamese formats capitalise "Ngày" and pad the day ("Ngày 05 tháng 9");
administrative writing uses the lower-case form with an unpadded day.
"""

DATE_FORMAT = r"\n\gà\y j \t\há\n\g n \nă\m Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"H:i, \n\gà\y j \t\há\n\g n \nă\m Y"
YEAR_MONTH_FORMAT = r"\t\há\n\g n \nă\m Y"
MONTH_DAY_FORMAT = r"j/n"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
